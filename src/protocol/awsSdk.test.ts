import { describe, expect, it } from 'vitest';
import { AWS_SDK_GROUPS, AWS_SDK_PACKAGES, awsSdkGroupsUsed } from './awsSdk';

describe('the AWS SDK packages a handler can import', () => {
  it('finds the group of every shipped package, as the package map gives it', () => {
    for (const [pkg, group] of Object.entries(AWS_SDK_PACKAGES)) expect(awsSdkGroupsUsed([pkg])).toEqual([group]);
    expect(awsSdkGroupsUsed(Object.keys(AWS_SDK_PACKAGES))).toEqual([...AWS_SDK_GROUPS]);
  });

  it('needs no script for other packages, node built-ins or near-misses', () => {
    expect(awsSdkGroupsUsed(['@aws-sdk/client-ec2', '@aws-sdk/lib-storage', 'fs', 'aws-sdk', '@aws-sdk/client-s3-control', '@aws-sdk/client-dynamodb-streams'])).toEqual([]);
  });
});
