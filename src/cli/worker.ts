/**
 * The entry of a worker thread of the pool (src/cli/pool.ts), compiled to
 * dist/worker.js: loads the configuration again (functions cannot be sent
 * between threads), then builds or checks the notes it is sent, one at a
 * time, and sends back plain data. It writes no file and prints nothing: the
 * main thread writes the outputs and prints the messages in the order of the
 * notes. While a user plugin runs, its index is in the shared `running`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { loadConfig, resolveConfig } from '../config/resolve.ts'
import { wrapUserPlugins } from '../pipeline/user-plugins.ts'
import { createNoteBuilder } from './builder.ts'
import { createNoteChecker } from './checker.ts'
import { createNoteModeler } from './translate.ts'
import type { WorkerJob, WorkerMessage, WorkerSetup } from './pool.ts'

const setup = workerData as WorkerSetup
const port = parentPort!
const running = new Int32Array(setup.running)
const monitor = {
  enter: (index: number) => Atomics.store(running, 0, index),
  leave: () => Atomics.store(running, 0, -1),
}
const send = (message: WorkerMessage<unknown>) => port.postMessage(message)

try {
  const config = setup.config.file
    ? await loadConfig(setup.config.file, setup.config.root)
    : resolveConfig({}, setup.config.root)
  const { task } = setup
  const worker =
    task.command === 'build'
      ? await createNoteBuilder(config, { ...task, monitor }).then((b) => b.build.bind(b))
      : task.command === 'check'
        ? createNoteChecker(config, monitor)
        : createNoteModeler(config, monitor)
  port.on('message', (job: WorkerJob) => {
    worker(job.file, job.id).then(
      (value) => {
        try {
          send({ type: 'done', value })
        } catch (error) {
          // A value a plugin left that cannot be cloned (a function in the model…).
          send({ type: 'failed', reason: `cannot send the result (${(error as Error).message})` })
        }
      },
      (error: unknown) => send({ type: 'failed', reason: (error as Error).message }),
    )
  })
  send({ type: 'ready', names: wrapUserPlugins(config).names })
} catch (error) {
  send({ type: 'failed', reason: `cannot start a worker (${(error as Error).message})` })
}
