// Package eval scores a pipeline run against a gold annotation file in
// the format of shared/gold/seed.yaml: required, optional and forbidden
// events (recall, precision, forbidden hits), entities, coreference,
// time expressions, quantities, quotes, publication dates and article
// structure. Any gold file in that format drops in.
package eval
