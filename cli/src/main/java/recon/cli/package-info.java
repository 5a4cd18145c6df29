/**
 * {@code ./recon}'s commands: {@code reconcile} (the offline run), {@code replay} (the operator's
 * re-drive of a deployed stack), {@code generate} and {@code demo} (sample exports, and the pipeline on
 * the local emulator). Each command parses its options, calls a use case or a tool, and prints its own
 * lines.
 */
package recon.cli;
