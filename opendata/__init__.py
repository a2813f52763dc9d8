"""Open data: each edition of the law, its glossary, concordance and question flow as JSON at
/data/v1/…, outside the language prefix, with JSON Schemas describing the documents."""
