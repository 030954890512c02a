"""`debate-explorer serve`: the explorer in a classroom's browsers, one app process per
student, each student's work in their own folder, and nobody in without the class code."""
