# Adds the OpenTelemetry Collector Lambda extension to a function image built from
# lambda-base.Dockerfile or node-ric.Dockerfile (or any Lambda image). The collector runs beside
# the function, receives OTLP on localhost:4318 and exports to the backend its configuration
# names; the kit's exporter points at it (LAMBDA_OTEL_VENDOR=collector, the default endpoint).
#
# Build context: the unzipped collector layer release, that is a folder holding
# extensions/collector and collector-config/config.yaml (see docker/README.md for where to get
# it), plus your own config.yaml if you replace the default one:
#   docker build -f docker/collector-extension.Dockerfile \
#     --build-arg FUNCTION_IMAGE=my-function -t my-function:collector collector-layer/
ARG FUNCTION_IMAGE

FROM ${FUNCTION_IMAGE}
COPY extensions/ /opt/extensions/
COPY collector-config/ /opt/collector-config/
ENV OPENTELEMETRY_COLLECTOR_CONFIG_URI=/opt/collector-config/config.yaml \
    LAMBDA_OTEL_VENDOR=collector \
    OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318
