"""The MkDocs engine (MkDocs 1.6 or ProperDocs, with Material): the plugin, preview, and the plain export."""
