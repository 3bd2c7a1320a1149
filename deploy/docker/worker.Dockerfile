# One image per Seismic worker, built from the repository root:
#   docker build -f deploy/docker/worker.Dockerfile --build-arg WORKER=beamformer -t seismic-beamformer .
# WORKER is the worker's folder under services/: ingest, beamformer, classifier, trainer or reporter.
# The trainer built here uses TorchSharp-cpu; deploy/docker/trainer-cuda.Dockerfile builds the GPU one.
# Nothing secret is baked in: the broker URI, Seq and OTLP addresses come from the environment at run time.

ARG WORKER=ingest

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG WORKER
# bash for ${WORKER^} (the project and apphost are named Seismic.<Worker>).
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /src
COPY . .
RUN test -f "services/${WORKER}/Seismic.${WORKER^}.csproj" \
    || { echo "WORKER=${WORKER} is not one of: $(ls services)" >&2; exit 1; }
# The apphost is renamed so that one ENTRYPOINT serves every worker; it still loads Seismic.<Worker>.dll beside it.
RUN dotnet publish "services/${WORKER}/Seismic.${WORKER^}.csproj" -c Release -o /app --nologo \
    && mv "/app/Seismic.${WORKER^}" /app/seismic-worker

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG WORKER
# config/seismic.yaml resolves its relative paths against its own folder: mounted at /srv/seismic/config/,
# ../output, ../models and ../data are /srv/seismic/output, /srv/seismic/models and /srv/seismic/data.
RUN mkdir -p /srv/seismic/config /srv/seismic/output /srv/seismic/models /srv/seismic/data /srv/seismic/message-data \
    && chown -R "${APP_UID}" /srv/seismic
WORKDIR /srv/seismic
COPY --from=build /app /app
ENV DOTNET_ROOT=/usr/share/dotnet \
    Seismic__Bus__Transport=RabbitMq \
    Seismic__Bus__MessageDataPath=/srv/seismic/message-data \
    Seismic__ConfigFile=/srv/seismic/config/seismic.yaml \
    SEISMIC_WORKER=${WORKER}
# ASPNETCORE_HTTP_PORTS (8080 in this base image): GET /health, /health/live and /metrics.
EXPOSE 8080
# A named volume mounted here starts with this folder's owner, so the non-root worker can write to it.
VOLUME ["/srv/seismic/message-data"]
USER ${APP_UID}
ENTRYPOINT ["/app/seismic-worker"]
