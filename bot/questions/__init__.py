"""Reading a question: the figures, the years and the kind of answer it asks for."""
