"""Claims: intake, assessment, documents, the four-eyes workflow, printing and the recap."""
