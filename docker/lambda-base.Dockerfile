# A function on the AWS Lambda Node.js base image.
# Build context: the function's folder (package.json, package-lock.json, `npm run build`
# writing dist/index.js that exports `handler`):
#   docker build -f docker/lambda-base.Dockerfile -t my-function path/to/function
# Pin the images by digest: --build-arg BASE_IMAGE=public.ecr.aws/lambda/nodejs:20@sha256:<digest>
ARG BASE_IMAGE=public.ecr.aws/lambda/nodejs:20
ARG BUILD_IMAGE=node:20-bookworm-slim

# Build: install exactly what the lockfile says, bundle the handler into dist/.
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund && npm run build

# Run: only the bundle. The base image's runtime client loads the handler named by CMD from
# LAMBDA_TASK_ROOT (/var/task); no AWS_LAMBDA_EXEC_WRAPPER, no layer.
FROM ${BASE_IMAGE}
COPY --from=build /build/dist/ ${LAMBDA_TASK_ROOT}/
ENV NODE_OPTIONS=--enable-source-maps
CMD ["index.handler"]
