/**
 * Compliance metadata, apart from rule logic (as cdk-nag's packs): each rule belongs to one
 * control family, and each family cites the HIPAA Security Rule and GDPR articles an auditor
 * maps it to. Reports show these next to every finding.
 */

export type ControlFamily =
  | "encryption-at-rest"
  | "encryption-in-transit"
  | "audit-logging"
  | "monitoring"
  | "integrity"
  | "availability"
  | "access-control"
  | "network-segmentation"
  | "residency";

export const FAMILY_REFERENCES: Readonly<Record<ControlFamily, { readonly hipaa: readonly string[]; readonly gdpr: readonly string[] }>> = {
  "encryption-at-rest": { hipaa: ["164.312(a)(2)(iv)"], gdpr: ["Art. 32(1)(a)"] },
  "encryption-in-transit": { hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"], gdpr: ["Art. 32(1)(a)"] },
  "audit-logging": { hipaa: ["164.312(b)"], gdpr: ["Art. 5(2)", "Art. 32(1)(d)"] },
  monitoring: { hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"], gdpr: ["Art. 32(1)(d)", "Art. 33"] },
  integrity: { hipaa: ["164.312(c)(1)", "164.312(c)(2)"], gdpr: ["Art. 32(1)(b)"] },
  availability: { hipaa: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"], gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"] },
  "access-control": { hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"], gdpr: ["Art. 25(2)", "Art. 32(1)(b)"] },
  "network-segmentation": { hipaa: ["164.312(a)(1)", "164.312(e)(1)"], gdpr: ["Art. 32(1)(b)"] },
  residency: { hipaa: [], gdpr: ["Art. 44", "Art. 46"] },
};

const families: Record<ControlFamily, readonly string[]> = {
  "encryption-at-rest": [
    "CKV_AWS_145", "CKV_AWS_19", "CKV_AWS_16", "CKV_AWS_354", "CKV_AWS_96", "AWS-0079", "CKV_AWS_327", "CKV_AWS_245", "CKV_AWS_246", "CKV_AWS_140",
    "CKV_AWS_146", "CKV_AWS_29", "CKV_AWS_191", "CKV_AWS_119", "CKV_AWS_271", "CKV_AWS_7", "CKV2_AWS_64", "CKV_AWS_136", "AWS-0033", "CKV_AWS_224",
    "CKV_AWS_158", "CKV_AWS_26", "AWS-0136", "CKV_AWS_27", "CKV2_AWS_73", "AWS-0135", "CKV_AWS_149", "CKV_AWS_35", "PRJ_APPRUNNER_CMK",
    "AWS-0132",
  ],
  "encryption-in-transit": [
    "CKV2_AWS_69", "CKV_AWS_30", "CKV_AWS_31", "CKV_AWS_97", "CKV_AWS_2", "CKV_AWS_103", "AWS-0047", "CKV2_AWS_74", "CKV2_AWS_20", "CKV_AWS_378",
    "CKV_AWS_34", "CKV_AWS_174", "CKV2_AWS_42", "CKV2_AWS_54", "CKV2_AWS_72", "CKV_AWS_259", "CKV_AWS_211", "AWS-0320", "AWS-0013",
  ],
  "audit-logging": [
    "CKV_AWS_18", "CKV_AWS_129", "CKV2_AWS_30", "CKV_AWS_324", "CKV2_AWS_27", "CKV_AWS_223", "CKV_AWS_176", "CKV2_AWS_31", "CKV_AWS_86",
    "CKV_AWS_91", "CKV_AWS_66", "CKV_AWS_338", "CKV_AWS_67", "CKV_AWS_251", "CKV_AWS_252", "CKV2_AWS_10", "CKV2_AWS_11", "AWS-0163",
    "CKV2_AWS_45", "CKV2_AWS_48", "AWS-0089", "AWS-0162", "AWS-0010",
  ],
  monitoring: ["CKV_AWS_118", "CKV_AWS_353", "CKV_AWS_65", "CKV2_AWS_62", "CKV_AWS_319", "CKV2_AWS_3", "CKV_AWS_238"],
  integrity: [
    "CKV_AWS_36", "CKV_AWS_21", "CKV_AWS_143", "CKV_AWS_51", "CKV_AWS_163", "CKV_AWS_226", "CKV_AWS_322", "CKV_AWS_250", "CKV_AWS_388",
    "CKV_AWS_332", "CKV_AWS_131", "CKV_AWS_328", "CKV_AWS_336", "CKV_AWS_334", "CKV_AWS_335",
  ],
  availability: [
    "CKV_AWS_144", "CKV2_AWS_61", "CKV_AWS_300", "CKV_AWS_133", "AWS-0077", "CKV_AWS_293", "CKV_AWS_157", "CKV2_AWS_60", "CKV_AWS_313", "CKV_AWS_139",
    "CKV2_AWS_8", "CKV2_AWS_50", "CKV_AWS_134", "AWS-0050", "CKV_AWS_28", "CKV_AWS_150", "CKV_AWS_152", "CKV_AWS_310", "CKV_AWS_326", "CKV2_AWS_16",
    "CKV_AWS_227", "CKV_AWS_261",
  ],
  "access-control": [
    "CKV_AWS_20", "CKV_AWS_57", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6", "CKV2_AWS_65", "CKV_AWS_70",
    "CKV_AWS_93", "CKV_AWS_375", "CKV2_AWS_43", "AWS-0161", "CKV_AWS_17", "CKV_AWS_161", "CKV_AWS_162", "CKV_AWS_33", "CKV_AWS_32",
    "CKV_AWS_249", "CKV_AWS_169", "CKV_AWS_385", "CKV_AWS_168", "CKV2_AWS_57", "CKV_AWS_304", "CKV_AWS_60", "CKV_AWS_61", "CKV_AWS_393",
    "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_355", "CKV2_AWS_40", "CKV_AWS_274", "CKV2_AWS_56", "CKV_AWS_40", "AWS-0342", "AWS-0345",
    "AWS-0346", "CKV_AWS_41", "AWS-0036", "CKV2_AWS_46", "CKV_AWS_305", "CKV2_AWS_32", "PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS",
    "PRJ_IAM_ROLE_POLICY_SIZE", "AWS-0097", "CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_288",
    "CKV_AWS_289", "CKV_AWS_290", "CKV_AWS_107", "CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111",
  ],
  "network-segmentation": [
    "CKV_AWS_198", "CKV_AWS_196", "CKV_AWS_323", "CKV_AWS_333", "CKV2_AWS_28", "CKV2_AWS_76", "CKV2_AWS_47", "CKV_AWS_175", "CKV_AWS_342",
    "CKV_AWS_192", "AWS-0053", "CKV_AWS_68", "CKV_AWS_374", "CKV2_AWS_12", "CKV_AWS_23", "CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260",
    "CKV_AWS_277", "CKV_AWS_382", "CKV2_AWS_5", "CKV_AWS_130", "CKV_AWS_148", "AWS-0102", "AWS-0105", "CKV_AWS_229", "CKV_AWS_230",
    "CKV_AWS_231", "CKV_AWS_232", "CKV2_AWS_1", "CKV2_AWS_35", "CKV2_AWS_19", "PRJ_APPRUNNER_VPC_EGRESS", "AWS-0049",
  ],
  residency: ["PRJ_DATA_RESIDENCY"],
};

/** Rule id -> control family. */
export const RULE_FAMILY: ReadonlyMap<string, ControlFamily> = new Map(
  (Object.entries(families) as [ControlFamily, readonly string[]][]).flatMap(([family, ids]) => ids.map((id) => [id, family] as const)),
);

/** The HIPAA and GDPR references of a rule, for reports. */
export function controlsOf(ruleId: string): { family?: ControlFamily; hipaa: readonly string[]; gdpr: readonly string[] } {
  const family = RULE_FAMILY.get(ruleId);
  return family ? { family, ...FAMILY_REFERENCES[family] } : { hipaa: [], gdpr: [] };
}
