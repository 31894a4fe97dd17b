// Parses an RDF file with the npm package n3 (which reads RDF 1.2 triple
// terms) and writes what it read as N-Quads, one statement per line.
// Usage: node n3_to_nquads.js N3_MODULE_DIR FILE
const N3 = require(process.argv[2]);
const fs = require('fs');
let quads;
try {
  // Without a callback, parse() reads synchronously and throws on error.
  quads = new N3.Parser().parse(fs.readFileSync(process.argv[3], 'utf8'));
} catch (error) {
  console.error('n3: ' + error.message);
  process.exit(1);
}
const writer = new N3.Writer({ format: 'N-Quads' });
process.stdout.write(writer.quadsToString(quads));
