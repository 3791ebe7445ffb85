import { attributeMapAtLimit } from '../bench/corpus/labeledCorpus.ts';
const m = attributeMapAtLimit(20241129);
const e = Object.entries(m);
for (const [k,v] of e.slice(0,25)) console.log(k, '=>', JSON.stringify(v).slice(0,200));
