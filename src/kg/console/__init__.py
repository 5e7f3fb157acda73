"""`kg serve`: a browser console for the graph (Cypher editor, query packs, graph and table),
served on 127.0.0.1 with a token, read-only, from a bundle shipped inside the package."""
