"""What every other app shares and that depends on none of them: the list of languages, paragraph
and article numbering, text helpers, and the base of every editable record.

law/, checker/, search/ and lawsite/ import from here; nothing here imports from them.
"""
