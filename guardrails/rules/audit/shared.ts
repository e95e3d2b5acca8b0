/** Readers and resource-type lists shared by the audit rules. */
import type { TfGraph, TfResource } from "../../graph";

/** The recorder a recorder status is connected to (by reference, as Checkov's graph sees it). */
export const recorderOf = (status: TfResource, g: TfGraph) =>
  [...g.referencedBy(status, "aws_config_configuration_recorder"), ...g.referencing(status, "aws_config_configuration_recorder")][0];
