# Softmax Explorer for a class server: `docker build -t softmax-explorer . && docker run -p 5006:5006 softmax-explorer`
# The install steps live in deploy/install.sh, which `make serve`, `make test` and CI run too.
FROM python:3.12-slim

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu \
    BOKEH_ALLOW_WS_ORIGIN=localhost:5006

RUN useradd --create-home --uid 1000 explorer
WORKDIR /srv/softmax-explorer
COPY pyproject.toml README.md ./
COPY deploy/install.sh deploy/serve.sh deploy/
COPY app app
COPY components components
COPY models models
RUN sh deploy/install.sh python3 "" wheel

USER explorer
EXPOSE 5006
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python3 -c "import urllib.request; urllib.request.urlopen('http://localhost:5006/liveness', timeout=4)"
# Set BOKEH_ALLOW_WS_ORIGIN to the address students use (e.g. -e BOKEH_ALLOW_WS_ORIGIN=ml.example.edu).
CMD ["deploy/serve.sh", "--address", "0.0.0.0", "--port", "5006", "--num-procs", "2"]
