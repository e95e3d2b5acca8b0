import { Construct } from "constructs";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import type { Grantable } from "./grants";
import { sid } from "./policy-document";

export interface ContainerRepositoryProps {
  /** Repository name, `<app>-<env>-<service>`. */
  readonly repositoryName: string;
  /** CMK that encrypts the images. */
  readonly kmsKeyArn: string;
  /** Newest images kept; older ones expire. Keep the tag the service runs among them. */
  readonly imagesKept: number;
  /** Days an untagged image (a re-pushed build's leftovers) is kept. */
  readonly untaggedImageDays: number;
}

/**
 * The ECR repository of one service: immutable tags (a tag is one image forever, so the tag
 * in config says exactly what runs), scan on push, encrypted with the CMK, and a lifecycle
 * that expires untagged images after some days and keeps the newest N images.
 * CI pushes images; Terraform deploys the tag the config pins (README, Compute).
 */
export class ContainerRepository extends Construct {
  public readonly repositoryArn: string;
  public readonly repositoryUrl: string;
  public readonly repositoryName: string;

  constructor(scope: Construct, id: string, props: ContainerRepositoryProps) {
    super(scope, id);
    const repo = new EcrRepository(this, "Repository", {
      name: props.repositoryName,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.kmsKeyArn }],
      forceDelete: false,
    });
    new EcrLifecyclePolicy(this, "Lifecycle", {
      repository: repo.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${props.untaggedImageDays} days`,
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: props.untaggedImageDays },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: `Keep the newest ${props.imagesKept} images`,
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: props.imagesKept },
            action: { type: "expire" },
          },
        ],
      }),
    });
    this.repositoryArn = repo.arn;
    this.repositoryUrl = repo.repositoryUrl;
    this.repositoryName = repo.name;
  }

  /**
   * Let `grantee` (an ECS execution role, an App Runner access role) pull images. ECR's
   * token call takes no resource, so it is on `*`; the layer and image calls are on this
   * repository only. App Runner also looks images up (`describeImages`).
   */
  grantPull(grantee: Grantable, options: { readonly describeImages?: boolean } = {}): void {
    const read = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
    grantee.addToPolicy(
      { Sid: "EcrAuthorizationToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: sid("Pull", this.node.id),
        Effect: "Allow",
        Action: options.describeImages ? [...read, "ecr:DescribeImages"] : read,
        Resource: this.repositoryArn,
      },
    );
  }
}
