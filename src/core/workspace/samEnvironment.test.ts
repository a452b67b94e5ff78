import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from './cfnYaml.test-support';
import { fn, ws } from './sampleWorkspaces.test-support';
import { samTemplate } from './samTemplate';
import { checkSamTemplate } from './samTemplateChecker.test-support';


type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const WORKSPACE = ws(
  [
    fn('orders-api', {
      environment: {
        TABLE_NAME: 'orders',
        QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
        JOBS_ARN: 'arn:aws:sqs:us-east-1:123456789012:jobs',
        TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:news',
        UPLOADS_BUCKET: 'uploads',
        PRICING_FUNCTION: 'pricing',
        PRICING_ARN: 'arn:aws:lambda:us-east-1:123456789012:function:pricing',
        SELF_FUNCTION: 'orders-api',
        // A plain name under a variable that does not say the kind: text, as written.
        LABEL: 'orders',
        STAGE: 'dev',
      },
    }),
    fn('pricing'),
  ],
  {
    resources: {
      tables: [{ name: 'orders', partitionKey: { name: 'pk', type: 'S' } }],
      buckets: [{ name: 'uploads' }],
      queues: [{ name: 'jobs' }, { name: 'orders' }],
      topics: [{ name: 'news' }],
    },
  },
);

describe('environment variables in the SAM template', () => {
  const sam = samTemplate(WORKSPACE);
  const t = parseCfnYaml(sam.yaml) as Template;
  const vars = (t.Resources.OrdersApiFunction!.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;

  it("a value naming one of the template's resources becomes a reference to it, in the form the playground gave", () => {
    expect(vars).toEqual({
      TABLE_NAME: { Ref: 'OrdersTable' },
      QUEUE_URL: { Ref: 'JobsQueue' },
      JOBS_ARN: { 'Fn::GetAtt': ['JobsQueue', 'Arn'] },
      TOPIC_ARN: { Ref: 'NewsTopic' },
      UPLOADS_BUCKET: { Ref: 'UploadsBucket' },
      PRICING_FUNCTION: { Ref: 'PricingFunction' },
      PRICING_ARN: { 'Fn::GetAtt': ['PricingFunction', 'Arn'] },
      SELF_FUNCTION: 'orders-api',
      LABEL: 'orders',
      STAGE: 'dev',
    });
  });

  it('a bucket that notifies the function stays text: the bucket already depends on the function', () => {
    const notified = ws([fn('resizer', { environment: { BUCKET_NAME: 'photos' } })], {
      triggers: [{ type: 's3', bucket: 'photos', notifications: [{ id: 'n1', function: 'resizer', events: ['s3:ObjectCreated:*'] }] }],
    });
    const sam = samTemplate(notified);
    const template = parseCfnYaml(sam.yaml) as Template;
    expect(sam.notes).toContain('resizer: BUCKET_NAME names the bucket photos, whose notifications invoke resizer; a !Ref to it would be a circular dependency, so it stays text, and CloudFormation names the bucket: set the variable after deploying.');
    expect(checkSamTemplate(template)).toEqual([]);
    expect(template.Resources.ResizerFunction!.Properties!.Environment).toEqual({ Variables: { BUCKET_NAME: 'photos' } });
  });

  it('passes the spec checks, and the checker refuses a reference to a resource the template lacks', () => {
    expect(checkSamTemplate(t)).toEqual([]);
    const broken = structuredClone(t);
    (broken.Resources.OrdersApiFunction!.Properties!.Environment as { Variables: Record<string, unknown> }).Variables.QUEUE_URL = { Ref: 'NoSuchQueue' };
    const problems = checkSamTemplate(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.includes('Environment.Variables.QUEUE_URL'))).toBe(true);
  });
});
