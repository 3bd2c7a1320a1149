using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using MassTransit;
using YamlDotNet.RepresentationModel;

namespace Seismic.Integration.Tests;

/// <summary>
/// The container and Kubernetes files under deploy/: what must hold for every worker, read from the files
/// themselves (nothing here runs Docker or a cluster), and deploy/validate.sh's schema checks.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string[] Workers = ["ingest", "beamformer", "classifier", "trainer", "reporter"];

    private static string Deploy => Path.Combine(RepositoryLayout.Root, "deploy");

    private static YamlMappingNode LoadMapping(string path) =>
        LoadDocuments(path).Single() as YamlMappingNode ?? throw new InvalidDataException($"{path} is not a YAML mapping");

    private static List<YamlMappingNode> LoadDocuments(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static YamlNode? Child(YamlNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
                return null;
        }
        return node;
    }

    private static string? Scalar(YamlNode? node, params string[] keys) => (Child(node, keys) as YamlScalarNode)?.Value;

    private static List<YamlMappingNode> K8sObjects(string kind) =>
        Directory.GetFiles(Path.Combine(Deploy, "k8s"), "*.yaml")
            .SelectMany(LoadDocuments)
            .Where(document => Scalar(document, "kind") == kind)
            .ToList();

    private static YamlMappingNode Deployment(string worker) =>
        K8sObjects("Deployment").SingleOrDefault(d => Scalar(d, "metadata", "name") == $"seismic-{worker}")
        ?? throw new Xunit.Sdk.XunitException($"no Deployment seismic-{worker} under deploy/k8s");

    private static YamlMappingNode Container(string worker) =>
        (YamlMappingNode)((YamlSequenceNode)Child(Deployment(worker), "spec", "template", "spec", "containers")!).Children.Single();

    /// <summary>Every file an operator deploys from: compose files, env template, Dockerfiles, manifests.</summary>
    private static IEnumerable<string> DeploymentFiles() =>
        new[] { "docker-compose.yml", "docker-compose.gpu.yml", ".env.example" }.Select(file => Path.Combine(Deploy, file))
            .Concat(Directory.GetFiles(Path.Combine(Deploy, "docker")))
            .Concat(Directory.GetFiles(Path.Combine(Deploy, "k8s"), "*.yaml"))
            .Concat(Directory.GetFiles(Path.Combine(Deploy, "k8s-gpu-trainer")));

    [Fact]
    public void Should_give_every_worker_a_compose_service_an_image_build_and_a_deployment()
    {
        var services = (YamlMappingNode)Child(LoadMapping(Path.Combine(Deploy, "docker-compose.yml")), "services")!;
        var kustomization = LoadMapping(Path.Combine(Deploy, "k8s", "kustomization.yaml"));
        var resources = ((YamlSequenceNode)Child(kustomization, "resources")!).Children.Select(r => ((YamlScalarNode)r).Value).ToList();

        foreach (var worker in Workers)
        {
            var service = Child(services, worker);
            Assert.True(service is not null, $"docker-compose.yml has no service {worker}");
            Assert.Equal("..", Scalar(service, "build", "context"));
            Assert.Equal("deploy/docker/worker.Dockerfile", Scalar(service, "build", "dockerfile"));
            Assert.Equal(worker, Scalar(service, "build", "args", "WORKER"));
            Assert.True(File.Exists(Path.Combine(RepositoryLayout.Root, "services", worker, $"Seismic.{char.ToUpperInvariant(worker[0])}{worker[1..]}.csproj")),
                $"WORKER={worker} names no project under services/");

            Assert.Equal($"seismic-{worker}", Scalar(Container(worker), "image"));
            Assert.Contains($"{worker}.yaml", resources);
            var mounts = (YamlSequenceNode)Child(Container(worker), "volumeMounts")!;
            Assert.Contains(mounts.Children, mount => Scalar(mount, "mountPath") == "/srv/seismic/message-data");
        }
    }

    [Fact]
    public void Should_keep_the_guest_account_and_passwords_out_of_every_deployment_file()
    {
        // A secret may only come in through a variable (${NAME}, ${NAME:?...}) or a Secret: no literal after a
        // password-like key, no user:password@ in a URI, no guest account outside comments.
        var problems = new List<string>();
        foreach (var file in DeploymentFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var index = 0; index < lines.Length; index++)
            {
                var line = lines[index].Trim();
                if (line.StartsWith('#'))
                    continue;
                var where = $"{Path.GetRelativePath(RepositoryLayout.Root, file)}:{index + 1}: {line}";
                if (line.Contains("guest", StringComparison.OrdinalIgnoreCase))
                    problems.Add(where);
                if (HoldsCredentialLiteral(line))
                    problems.Add(where);
            }
        }

        Assert.True(problems.Count == 0, "literal credentials or guest:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Should_recognise_literal_credentials_in_the_forms_that_the_scan_rejects()
    {
        Assert.True(HoldsCredentialLiteral("RABBITMQ_DEFAULT_PASS: hunter2"));
        Assert.True(HoldsCredentialLiteral("SEISMIC_BROKER_PASSWORD=hunter2"));
        Assert.True(HoldsCredentialLiteral("Uri: amqp://seismic:hunter2@rabbit:5672/"));
        Assert.False(HoldsCredentialLiteral("RABBITMQ_DEFAULT_PASS: ${SEISMIC_BROKER_PASSWORD:?set it}"));
        Assert.False(HoldsCredentialLiteral("SEISMIC_BROKER_PASSWORD="));
        Assert.False(HoldsCredentialLiteral("amqp://${SEISMIC_BROKER_USER}:${SEISMIC_BROKER_PASSWORD:?set it}@rabbit"));
        Assert.False(HoldsCredentialLiteral("secretKeyRef:"));
    }

    /// <summary>
    /// A value after a password-like key, or user:password@ in a URI, that is not a variable. Variables are
    /// blanked first, so that a key inside one (${SEISMIC_BROKER_PASSWORD:?...}) is not taken for a literal.
    /// </summary>
    private static bool HoldsCredentialLiteral(string line)
    {
        var withoutVariables = Variable().Replace(line, "${VARIABLE}");
        return PasswordLiteral().IsMatch(withoutVariables) || UriCredentials().IsMatch(withoutVariables);
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?i)(pass|password|passwd|secret|token)[A-Z_]*\s*[:=]\s*(?![""']?\$\{)[""']?[^\s""'$][^\s]*")]
    private static partial Regex PasswordLiteral();

    [GeneratedRegex(@"amqps?://[^\s/@$]+:[^\s/@$]+@")]
    private static partial Regex UriCredentials();

    [Fact]
    public void Should_run_every_image_as_a_non_root_user()
    {
        foreach (var dockerfile in Directory.GetFiles(Path.Combine(Deploy, "docker"), "*.Dockerfile"))
        {
            var instructions = File.ReadAllLines(dockerfile).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
            var lastFrom = instructions.FindLastIndex(line => line.StartsWith("FROM ", StringComparison.Ordinal));
            var lastUser = instructions.FindLastIndex(line => line.StartsWith("USER ", StringComparison.Ordinal));
            Assert.True(lastUser > lastFrom, $"{dockerfile}: the final stage sets no USER");
            var user = instructions[lastUser]["USER ".Length..].Trim();
            Assert.DoesNotContain(user, new[] { "root", "0", "0:0", "root:root" });
            Assert.Equal("USER ${APP_UID}", instructions[lastUser]);
        }
    }

    [Fact]
    public void Should_build_the_gpu_trainer_with_the_cuda_torch_backend_on_a_cuda_base()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "docker", "trainer-cuda.Dockerfile"));
        Assert.Matches(@"dotnet publish services/trainer/Seismic\.Trainer\.csproj [^\n]*-p:TorchBackend=cuda", dockerfile);
        Assert.Matches(@"ARG CUDA_RUNTIME_IMAGE=nvidia/cuda:[^\s]+-runtime-", dockerfile);
        Assert.Contains("FROM ${CUDA_RUNTIME_IMAGE} AS runtime", dockerfile);

        var gpuTrainer = Child(LoadMapping(Path.Combine(Deploy, "docker-compose.gpu.yml")), "services", "trainer");
        Assert.Equal("deploy/docker/trainer-cuda.Dockerfile", Scalar(gpuTrainer, "build", "dockerfile"));
        var devices = (YamlSequenceNode)Child(gpuTrainer, "deploy", "resources", "reservations", "devices")!;
        Assert.Equal("nvidia", Scalar(devices.Children.Single(), "driver"));

        var overlay = File.ReadAllText(Path.Combine(Deploy, "k8s-gpu-trainer", "kustomization.yaml"));
        Assert.Contains("newName: seismic-trainer-cuda", overlay);
        Assert.Contains("nvidia.com~1gpu", overlay);
    }

    [Fact]
    public void Should_ship_the_settings_files_unchanged_in_the_config_map()
    {
        var generator = (YamlSequenceNode)Child(LoadMapping(Path.Combine(Deploy, "k8s", "kustomization.yaml")), "configMapGenerator")!;
        var files = ((YamlSequenceNode)Child(generator.Children.Single(), "files")!).Children.Select(f => ((YamlScalarNode)f).Value!).ToList();
        var settingsFiles = Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "config"), "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Path.Combine(RepositoryLayout.Root, "config"), file).Replace('\\', '/'))
            .Order()
            .ToList();

        Assert.Contains("seismic.yaml", settingsFiles);
        Assert.Equal(settingsFiles.Select(file => $"config/{file}"), files.Order());
        foreach (var file in settingsFiles)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(RepositoryLayout.Root, "config", file)) == File.ReadAllText(Path.Combine(Deploy, "k8s", "config", file)),
                $"deploy/k8s/config/{file} differs from config/{file}: cp config/{file} deploy/k8s/config/{file}");
        }
    }

    [Theory]
    [InlineData("beamformer", "Seismic.Beamformer", "WaveformSegmentIngested")]
    [InlineData("classifier", "Seismic.Classifier", "BeamsFormed")]
    public void Should_scale_on_the_queue_that_the_consumer_really_reads(string worker, string assemblyName, string message)
    {
        // The services are built beside this test (ReferenceOutputAssembly=false): load the worker's own build
        // and name its consumer's queue as BusSetup does, with the kebab-case formatter.
        var assembly = Assembly.LoadFrom(Path.Combine(Path.GetDirectoryName(RepositoryLayout.ProgramDll(worker))!, $"{assemblyName}.dll"));
        var consumer = assembly.GetTypes().Single(type => type.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition().FullName == typeof(IConsumer<>).FullName && i.GetGenericArguments()[0].Name == message));
        var queue = (string)typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(KebabCaseEndpointNameFormatter.Consumer))!
            .MakeGenericMethod(consumer).Invoke(KebabCaseEndpointNameFormatter.Instance, null)!;

        var scaledObject = K8sObjects("ScaledObject").Single(o => Scalar(o, "spec", "scaleTargetRef", "name") == $"seismic-{worker}");
        var trigger = ((YamlSequenceNode)Child(scaledObject, "spec", "triggers")!).Children.Single();
        Assert.Equal("rabbitmq", Scalar(trigger, "type"));
        Assert.Equal("QueueLength", Scalar(trigger, "metadata", "mode"));
        Assert.Equal(queue, Scalar(trigger, "metadata", "queueName"));

        var authentication = K8sObjects("TriggerAuthentication").Single(o => Scalar(o, "metadata", "name") == Scalar(trigger, "authenticationRef", "name"));
        var secret = ((YamlSequenceNode)Child(authentication, "spec", "secretTargetRef")!).Children.Single();
        Assert.Equal(("host", "seismic-broker", "uri"), (Scalar(secret, "parameter"), Scalar(secret, "name"), Scalar(secret, "key")));
    }

    [Fact]
    public void Should_probe_health_on_port_8080_and_read_the_broker_from_the_secret()
    {
        foreach (var worker in Workers)
        {
            var container = Container(worker);
            var ports = (YamlSequenceNode)Child(container, "ports")!;
            Assert.Contains(ports.Children, port => Scalar(port, "name") == "http" && Scalar(port, "containerPort") == "8080");
            Assert.Equal("/health", Scalar(container, "readinessProbe", "httpGet", "path"));
            Assert.Equal("http", Scalar(container, "readinessProbe", "httpGet", "port"));
            Assert.Equal("/health/live", Scalar(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal("http", Scalar(container, "livenessProbe", "httpGet", "port"));
            Assert.NotNull(Child(container, "resources", "requests", "memory"));
            Assert.NotNull(Child(container, "resources", "limits", "memory"));

            var environment = ((YamlSequenceNode)Child(container, "env")!).Children;
            var uri = environment.Single(variable => Scalar(variable, "name") == "Seismic__Bus__RabbitMq__Uri");
            Assert.Null(Child(uri, "value"));
            Assert.Equal(("seismic-broker", "uri"), (Scalar(uri, "valueFrom", "secretKeyRef", "name"), Scalar(uri, "valueFrom", "secretKeyRef", "key")));

            var pod = Child(Deployment(worker), "spec", "template", "spec");
            Assert.Equal("true", Scalar(pod, "securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", Scalar(pod, "securityContext", "runAsUser"));
        }
    }

    [Fact]
    public async Task Should_pass_the_offline_validation_of_deploy_validate_sh()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Deploy, "validate.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryLayout.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // The first run installs yamllint, docker-compose and the npm packages; later runs take about 20 s.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var exited = true;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            exited = false;
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited && process.ExitCode == 0,
            $"deploy/validate.sh {(exited ? $"exited with {process.ExitCode}" : "ran past 10 minutes")}:\n{await output}\n{await errors}");
    }
}
