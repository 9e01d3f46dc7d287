# Disclosure Bot: a small image that runs the bot as a non-root user.
#   docker build -t disclosure-bot .
#   docker run -e TELEGRAM_BOT_TOKEN=123:abc -v disclosure-data:/data disclosure-bot
# The database lives on the /data volume; mount a config file at /config/config.toml or set
# the environment variables documented in config.example.toml.

FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml constraints.txt README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY store ./store
RUN pip install --no-cache-dir -c constraints.txt '.[postgres]'

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 bot && mkdir -p /data /config && chown bot /data
COPY --from=build /opt/venv /opt/venv
COPY config.example.toml /config/config.example.toml
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DISCLOSURE_BOT_DB_URL=sqlite:////data/disclosure-bot.db \
    DISCLOSURE_BOT_CONFIG=/config/config.toml
USER bot
WORKDIR /data
VOLUME ["/data"]
# With no config file mounted, the defaults and the environment apply.
ENTRYPOINT ["sh", "-c", "[ -f \"$DISCLOSURE_BOT_CONFIG\" ] || unset DISCLOSURE_BOT_CONFIG; exec disclosure-bot \"$@\"", "--"]
CMD ["run"]
