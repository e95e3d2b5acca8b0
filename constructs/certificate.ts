import { Construct } from "constructs";
import { Fn } from "cdktf";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";

export interface CertificateProps {
  /** The one host name the certificate covers. */
  readonly domainName: string;
  /** Route 53 hosted zone that holds `domainName`: the validation record goes there. */
  readonly zoneId: string;
  /**
   * Create it in this region although the provider's differs: CloudFront takes certificates
   * from us-east-1 only. @default - the provider's region
   */
  readonly region?: string;
}

/**
 * An ACM certificate for one host name, DNS-validated in a Route 53 zone: the validation
 * record, and a validation resource so that whatever uses `certificateArn` waits until the
 * certificate is issued. Replaced create-before-destroy, so a listener or distribution never
 * points at a deleted certificate.
 */
export class Certificate extends Construct {
  /** ARN of the issued certificate (available once validation completes). */
  public readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: CertificateProps) {
    super(scope, id);
    const here = props.region ? { region: props.region } : {};
    const certificate = new AcmCertificate(this, "Certificate", {
      domainName: props.domainName,
      validationMethod: "DNS",
      keyAlgorithm: "RSA_2048",
      lifecycle: { createBeforeDestroy: true },
      tags: { Name: props.domainName },
      ...here,
    });
    // One name, one validation option (a set in Terraform: read through tolist).
    const option = Fn.element(Fn.tolist(certificate.domainValidationOptions), 0);
    const record = new Route53Record(this, "ValidationRecord", {
      zoneId: props.zoneId,
      name: Fn.lookup(option, "resource_record_name", ""),
      type: Fn.lookup(option, "resource_record_type", ""),
      records: [Fn.lookup(option, "resource_record_value", "")],
      ttl: 60,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, "Validation", {
      certificateArn: certificate.arn,
      validationRecordFqdns: [record.fqdn],
      ...here,
    });
    this.certificateArn = validation.certificateArn;
  }
}
