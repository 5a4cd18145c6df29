/**
 * The AWS adapters of the core's ports — DynamoDB (one table, its key layout in {@link
 * recon.functions.aws.TableKeys}), S3, SQS, SNS — the clients built once per function, the settings
 * from the template's environment, the SnapStart priming. The only code of the product that knows AWS,
 * with the handlers.
 */
package recon.functions.aws;
