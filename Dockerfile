# Brief's container image. Builds with the classic builder too (no BuildKit-only syntax).
#   docker build -t brief .
#   docker run --rm -p 8787:8787 -e BRIEF_API_KEYS="$(openssl rand -hex 32)" brief
# (keys need at least 32 characters: a shorter one stops the container at start-up)

# --- build: all dependencies, TypeScript compiled to dist/, the server bundled into dist/server/ ---
# Node 24 LTS (Node 20 is past its end of life). SCARF_ANALYTICS=false: swagger-ui-dist's dependency
# @scarf/scarf reports every install from an install script unless told not to.
FROM node:24-bookworm-slim AS build
ENV SCARF_ANALYTICS=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The playground's browser bundle and stylesheet, built into dist/playground/ with the rest.
COPY scripts/build-playground.ts scripts/bundle-server.ts ./scripts/
RUN npm run build

# --- runtime: production dependencies, the compiled code, prompts and samples ---
FROM node:24-bookworm-slim AS runtime
# Production requires API keys (BRIEF_API_KEYS or BRIEF_API_KEY_HASHES) or BRIEF_AUTH_DISABLED=true:
# the container refuses to start open by accident. Without ANTHROPIC_API_KEY it replays the samples.
# Memory (figures in bench/PERFORMANCE.md, measured with `npm run bench`):
# - MALLOC_MMAP_THRESHOLD_: glibc gives blocks of 128 KiB and more (module and language-database loading) mappings
#   of their own, returned to the system when freed: less RSS idle. Not lower: a socket read's 64 KiB buffer
#   would get a mapping per read, and unmapping it in a process with several threads costs every core a TLB flush.
# - --max-semi-space-size=8 (MB; V8's default is 16): a smaller young generation. Less RSS idle and under load,
#   and V8 gives a burst's memory back sooner; it costs some CPU per request (more frequent scavenges).
#   Set NODE_OPTIONS= to trade back.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    MALLOC_MMAP_THRESHOLD_=131072 \
    NODE_OPTIONS=--max-semi-space-size=8 \
    SCARF_ANALYTICS=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
COPY samples ./samples
# The `brief` CLI: `docker exec <container> node bin/brief.js summarize FILE` (the compiled dist/src/cli).
COPY bin ./bin
# Files stay owned by root: the unprivileged process can read its code but not change it.
USER node
EXPOSE 8787
# slim has no curl: Node's fetch is the probe.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/healthz').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself; Brief drains in-flight requests, then exits 0.
# The server's bundle (scripts/bundle-server.ts): the same code as dist/src/, read from two files at start-up.
CMD ["node", "dist/server/index.mjs"]
