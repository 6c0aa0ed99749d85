"""Running the vendored lunr.js and the site's search core in ``node``."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

NODE_SCRIPTS = Path(__file__).parent / "node"


def run_node(script: str, payload, *args: str):
    """Run ``tests/search/node/<script>`` with JSON on stdin; its JSON output."""
    done = subprocess.run(["node", str(NODE_SCRIPTS / script), *args], input=json.dumps(payload),
                          capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout)
