"""Partners: regional governments, agreements (PKS), certificates and document verification."""
