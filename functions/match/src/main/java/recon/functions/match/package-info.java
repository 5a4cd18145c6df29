/** MatchFunction: match requests from the match queue (and the daily re-match), handed to the match use case. */
package recon.functions.match;
