"""Where the official texts are shipped: content/official/<edition>/<lang>.docx with a manifest
<lang>.toml (official.shipped loads them). No imports: the content loader reads this name too, to
leave the folder to the importer."""

FOLDER = "official"
