// One thread of bench/parallel-ceiling.ts: remark-parse + remark-stringify over the texts it is given
// (the floorRatio workload), warmed up, then `passes` passes timed when the parent says go.
import {parentPort, workerData} from 'node:worker_threads'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'

const remark = unified().use(remarkParse).use(remarkStringify).freeze()
const {texts, passes} = workerData
const pass = () => {
  for (const text of texts) remark.stringify(remark.parse(text))
}
for (let i = 0; i < 2; i++) pass()
parentPort.once('message', () => {
  const start = performance.now()
  for (let i = 0; i < passes; i++) pass()
  parentPort.postMessage(performance.now() - start)
})
parentPort.postMessage('ready')
