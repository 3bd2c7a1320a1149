// Checks Kubernetes manifests against the Kubernetes API schemas packaged in kubernetes-models and KEDA's CRD
// schemas (@kubernetes-models/keda, generated from KEDA's CRDs), and lints Dockerfiles with dockerfile-utils
// (the linter of VS Code's Docker extension). Run by deploy/validate.sh with the packages of package-lock.json.
//
//   node validate.mjs k8s FILE...         every document of every file must be a known kind and valid
//   node validate.mjs dockerfile FILE...  no lint problem of severity error or warning
//
// kubernetes-models checks types, enums and required fields but accepts unknown fields; the fields the
// deployment relies on (probes, ports, secret references, queue names) are checked by DeploymentFilesTests.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { validate as lintDockerfile } from "dockerfile-utils";

const [mode, ...files] = process.argv.slice(2);
let problems = 0;
const fail = (where, message) => {
  problems++;
  console.error(`${where}: ${message}`);
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const module = group === "keda.sh"
    ? `@kubernetes-models/keda/keda.sh/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

async function validateManifests() {
  for (const file of files) {
    const documents = parseAllDocuments(readFileSync(file, "utf8"));
    for (const [index, document] of documents.entries()) {
      const where = `${file} document ${index + 1}`;
      if (document.errors.length > 0) {
        fail(where, document.errors.map(e => e.message).join("; "));
        continue;
      }
      const object = document.toJS();
      if (object === null) continue;
      const { apiVersion, kind } = object;
      const name = object.metadata?.name ?? "(no name)";
      if (kind === "Kustomization") continue;
      const Model = apiVersion && kind ? await modelOf(apiVersion, kind) : undefined;
      if (!Model) {
        fail(where, `no schema for apiVersion ${apiVersion} kind ${kind}`);
        continue;
      }
      try {
        new Model(object).validate();
        console.log(`ok  ${kind} ${name} (${file})`);
      } catch (invalid) {
        fail(`${where} (${kind} ${name})`, invalid.message);
      }
    }
  }
}

function lintDockerfiles() {
  for (const file of files) {
    // Severity 1 is an error, 2 a warning (dockerfile-utils' ValidationSeverity).
    const found = lintDockerfile(readFileSync(file, "utf8")).filter(d => d.severity <= 2);
    for (const d of found) fail(`${file}:${d.range.start.line + 1}`, d.message);
    if (found.length === 0) console.log(`ok  ${file}`);
  }
}

if (files.length === 0) {
  console.error("usage: node validate.mjs k8s|dockerfile FILE...");
  process.exit(2);
}
if (mode === "k8s") await validateManifests();
else if (mode === "dockerfile") lintDockerfiles();
else fail("validate.mjs", `unknown mode ${mode}`);
process.exit(problems === 0 ? 0 : 1);
