"""Pure domain rules: identifiers, money, dates, programmes, rates, benefits, coverage."""
