"""Health check of the web service: its own /health answers within the timeout."""

import os
import sys
import urllib.request

try:
    urllib.request.urlopen(f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/health", timeout=2).read()
except Exception as e:  # noqa: BLE001 - any failure is unhealthy
    print(e, file=sys.stderr)
    sys.exit(1)
