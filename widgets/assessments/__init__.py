"""Screening tools students practise: pure scoring in one module, its widget view in another."""
