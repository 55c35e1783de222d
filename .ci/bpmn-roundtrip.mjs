// The models as the Camunda Modeler writes them: each file of bpmn/ is read and written again with bpmn-moddle and
// camunda-bpmn-moddle, the libraries (and versions) bpmn-js uses to save, formatted as the Modeler saves. Without
// arguments the script fails on any model whose file differs (open-and-save in the Modeler would change it, and
// a developer's first diff would be noise); with --write it rewrites them. `npm run check:bpmn`, `npm run format:bpmn`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const folder = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'bpmn';
const write = process.argv.includes('--write');
const moddle = new BpmnModdle({ camunda: camundaModdle });
let differ = 0;

for (const name of readdirSync(folder).filter(file => file.endsWith('.bpmn')).sort()) {
  const file = join(folder, name);
  const xml = readFileSync(file, 'utf8');
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (warnings.length > 0) {
    // An element or attribute the Modeler does not know would be dropped on save.
    console.error(`${file}: ${warnings.map(warning => warning.message).join('; ')}`);
    process.exit(1);
  }
  const { xml: saved } = await moddle.toXML(rootElement, { format: true });
  const expected = saved + '\n';
  if (expected !== xml) {
    if (write) {
      writeFileSync(file, expected);
      console.log(`${file}: written as the Modeler writes it`);
    } else {
      differ++;
      console.error(`${file}: differs from what the Modeler would save; run npm run format:bpmn`);
    }
  }
}
process.exit(differ > 0 ? 1 : 0);
