"""The command line: thin commands that parse options, call the library, format results."""
