/**
 * The local runner (a tool, not the product): the AWS emulator (moto, from the project's virtualenv),
 * the stack the template deploys made on it ({@link recon.local.EmulatedStack}), and what Lambda does
 * with a queue — receive, hand the batch to the handler, delete what succeeded — done in-process
 * ({@link recon.local.LocalRunner}), with the requests metered and the alerts collected. The demo,
 * {@code replay --local}, the benchmarks and the pipeline's tests run the real functions through it.
 */
package recon.local;
