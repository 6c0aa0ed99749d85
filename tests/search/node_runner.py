"""Running the vendored lunr.js and the site's search core in ``node``."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

NODE_SCRIPTS = Path(__file__).parent / "node"


def run_node(script: str, payload, *args: str, env: dict[str, str] | None = None):
    """Run ``tests/search/node/<script>`` with JSON on stdin (and ``env`` added to the environment); its JSON
    output."""
    done = subprocess.run(["node", str(NODE_SCRIPTS / script), *args], input=json.dumps(payload),
                          capture_output=True, text=True, check=True, timeout=300,
                          env={**os.environ, **env} if env else None)
    return json.loads(done.stdout)
