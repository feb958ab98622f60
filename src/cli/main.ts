// csp-rules: placeholder, replaced by the CLI implementation (issue 5).
process.stdout.write('csp-rules: not built yet\n');
