/**
 * CKV2_AWS_69 (Checkov CKV2_AWS_69): its `description` and `stricter` below say what it checks and where it is stricter.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/RDSEncryptionInTransit.yaml.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { INSTANCE, param } from "./shared";

export const CKV2_AWS_69: Rule = {
  id: "CKV2_AWS_69",
  checkov: "CKV2_AWS_69",
  severity: "high",
  resourceTypes: INSTANCE,
  description:
    "A referenced parameter group forces TLS: rds.force_ssl=1 (postgres or sqlserver families), require_secure_transport=1 " +
    '(mysql/mariadb), db2comm=SSL (db2-ae). Checkov accepts only "1" for require_secure_transport, and so do we.',
  stricter: "Checkov: with no parameter group Checkov passes; we require one for PostgreSQL/MySQL.",
  fix: "`parameter_group_name`: a group with rds.force_ssl = 1 (PostgreSQL) or require_secure_transport = 1 (MySQL) (Database does this).",
  check: (r, g) => {
    const groups = g.referencedBy(r, "aws_db_parameter_group");
    const engine = String(r.config.engine ?? "");
    if (groups.length === 0) return /^(postgres|mysql|mariadb)/.test(engine) ? fail("no parameter group enforces TLS") : notApplicable;
    return groups.every((pg) => {
      const family = String(pg.config.family ?? "");
      if (/(^postgres|sqlserver)/.test(family)) return String(param(pg, "rds.force_ssl")) === "1";
      if (/^(mysql|mariadb)/.test(family)) return String(param(pg, "require_secure_transport")) === "1";
      if (family.includes("db2-ae")) return String(param(pg, "db2comm")) === "SSL";
      return true;
    })
      ? pass
      : fail("the parameter group does not force TLS");
  },
};
