# One image recipe for every service; pick it with --build-arg APP=<email-ingest|identity|tickets|chat>.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Runtime dependencies only; none of them needs an install script.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# chat loads these sample articles into an empty knowledge base (CHAT_LOAD_DEMO_KNOWLEDGE_BASE=false turns it off).
COPY apps/chat/demo ./apps/chat/demo

ARG APP
ENV APP=${APP}
RUN test -f "dist/apps/${APP}/main.js" || { echo "Set --build-arg APP to one of: $(ls dist/apps)" >&2; exit 1; }

USER node
# Docker does not expand variables in CMD; exec keeps node as the signal-receiving process.
CMD ["sh", "-c", "exec node \"dist/apps/${APP}/main.js\""]
