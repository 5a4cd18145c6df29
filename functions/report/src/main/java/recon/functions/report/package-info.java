/** ReportFunction: report requests from the report queue, handed to the report use case. */
package recon.functions.report;
