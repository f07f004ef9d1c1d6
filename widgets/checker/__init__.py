"""The symptom checker: a red-flag screen first, then signs -> regions with reasons, next assessments,
lessons and techniques. Knowledge base (kb), pure reasoning (engine), practice-notes summary (summary),
HTML panels (panels), the widget (view) and the standalone Voila app (app)."""
