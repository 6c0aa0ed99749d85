"""The pages: a Flask app over the archive (``app.create_app``), frozen into static files (``freeze.freeze``)."""
