# A function on a plain Node.js image, with the AWS Lambda runtime interface client
# (aws-lambda-ric) as the entrypoint.
# Build context: the function's folder (package.json, package-lock.json, `npm run build`
# writing dist/index.js that exports `handler`):
#   docker build -f docker/node-ric.Dockerfile -t my-function path/to/function
# Pin the images by digest: --build-arg BASE_IMAGE=node:20-bookworm-slim@sha256:<digest>
ARG BASE_IMAGE=node:20-bookworm-slim
ARG BUILD_IMAGE=${BASE_IMAGE}
ARG RIC_VERSION=4.0.2

# The runtime client compiles a native addon (curl and aws-lambda-cpp from the sources it ships):
# build it where the compilers are, on the same Debian as the run image.
FROM ${BUILD_IMAGE} AS ric
ARG RIC_VERSION
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
 && apt-get update \
 && apt-get install -y --no-install-recommends g++ make cmake autoconf automake libtool python3 xz-utils
# Node's headers are in the image: node-gyp uses them instead of downloading them.
ENV npm_config_nodedir=/usr/local
WORKDIR /ric
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund --omit=dev "aws-lambda-ric@${RIC_VERSION}" \
 && mkdir -p /opt/aws-lambda-ric \
 && cp node_modules/aws-lambda-ric/index.mjs node_modules/aws-lambda-ric/rapid-client.node \
       node_modules/aws-lambda-ric/package.json /opt/aws-lambda-ric/

# Build the function: install exactly what the lockfile says, bundle the handler into dist/.
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund && npm run build

# Run: the runtime client and the bundle, nothing else.
FROM ${BASE_IMAGE}
COPY --from=ric /opt/aws-lambda-ric/ /opt/aws-lambda-ric/
COPY --from=build /build/dist/ /var/task/
ENV LAMBDA_TASK_ROOT=/var/task NODE_OPTIONS=--enable-source-maps
WORKDIR /var/task
# aws-lambda-ric 4 reads the handler from _HANDLER: take it from CMD (`$0` of the shell), so the
# image runs the same under Lambda and locally, and `ImageConfig.Command` can override it.
ENTRYPOINT ["/bin/sh", "-c", "export _HANDLER=\"$0\"; exec node /opt/aws-lambda-ric/index.mjs"]
CMD ["index.handler"]
