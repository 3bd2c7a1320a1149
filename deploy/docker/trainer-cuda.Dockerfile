# The trainer for a GPU host: TorchSharp-cuda-linux (libtorch with CUDA) on an NVIDIA CUDA runtime image.
#   docker build -f deploy/docker/trainer-cuda.Dockerfile -t seismic-trainer-cuda .
# Run with the NVIDIA Container Toolkit (docker run --gpus all, or deploy/docker-compose.gpu.yml).
#
# `-p:TorchBackend=cuda` makes libs/Seismic.Training reference TorchSharp-cuda-linux, whose libtorch-cuda
# packages (several GB) are on nuget.org only, not on the project's development feed: build this image
# where nuget.org is reachable. The CPU trainer (worker.Dockerfile, WORKER=trainer) builds anywhere.
# libtorch-cuda ships its own CUDA and cuDNN libraries; the base image supplies the CUDA 12 user-space
# runtime that the NVIDIA driver of the host (525 or newer) is matched against.

ARG CUDA_RUNTIME_IMAGE=nvidia/cuda:12.8.1-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/trainer/Seismic.Trainer.csproj -c Release -o /app --nologo -p:TorchBackend=cuda \
    && mv /app/Seismic.Trainer /app/seismic-worker

# The ASP.NET Core runtime, copied rather than installed: the same bits as the other workers' base image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet-runtime

FROM ${CUDA_RUNTIME_IMAGE} AS runtime
# ICU for globalization, CA certificates for amqps:// (the aspnet image has both; the CUDA image has neither).
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libicu74 tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
# The same non-root account as the aspnet image (user app, uid 1654), so volumes are shared with the CPU images.
ENV APP_UID=1654
RUN (userdel -r ubuntu 2>/dev/null || true) \
    && groupadd --gid "${APP_UID}" app \
    && useradd --uid "${APP_UID}" --gid app --no-create-home --shell /usr/sbin/nologin app \
    && mkdir -p /srv/seismic/config /srv/seismic/output /srv/seismic/models /srv/seismic/data /srv/seismic/message-data \
    && chown -R "${APP_UID}" /srv/seismic
WORKDIR /srv/seismic
COPY --from=build /app /app
ENV DOTNET_ROOT=/usr/share/dotnet \
    ASPNETCORE_HTTP_PORTS=8080 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    Seismic__Bus__Transport=RabbitMq \
    Seismic__Bus__MessageDataPath=/srv/seismic/message-data \
    Seismic__ConfigFile=/srv/seismic/config/seismic.yaml \
    SEISMIC_WORKER=trainer
EXPOSE 8080
VOLUME ["/srv/seismic/message-data"]
USER ${APP_UID}
ENTRYPOINT ["/app/seismic-worker"]
