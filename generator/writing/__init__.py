"""Writing: pages and downloads into files, made ahead by a worker, and a site folder replaced atomically."""
