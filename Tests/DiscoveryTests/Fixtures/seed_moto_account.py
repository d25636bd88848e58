"""Seeds a moto server (AWS_ENDPOINT_URL) with the account-level estate: identity, logging and monitoring.

Creates, next to what seed_moto.py creates (run it first: the trail `main-trail` and the key `rotated` come from it):
- the CIS monitoring chain for two of the CIS 4.x events: a metric filter on the log group of the multi-region
  trail, an alarm on its metric, an SNS topic with a subscriber (these pass); a filter without an alarm (fails);
  the other events have nothing (fail);
- SNS subscriptions over https (passes) and plain http (fails);
- Security Hub enabled in the region;
- IAM users: one with a console password and no MFA, one with a password and MFA, two active keys on one user, one
  with a hardware MFA token, one with a console password and a never-used key;
- IAM policies attached to a role: kms:* on every resource (fails), sts:AssumeRole on one named role (passes); a
  service role pinned to the account by aws:SourceAccount (passes the confused-deputy check);
- CloudTrail Insights on main-trail (quiet-trail has none); a secret rotated now (passes) next to one never rotated.
Prints the IDs the tests assert on as JSON. Written for Bulwark from the AWS API and CIS documentation.
"""
import json
import os

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
ACCOUNT = "123456789012"
TRUST_LOGS = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
# CIS AWS Foundations 4.1 and 4.3 (unauthorised API calls, root usage), the patterns the benchmark gives.
UNAUTHORIZED = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'
ROOT_USAGE = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'
# 4.2, console sign-in without MFA: a filter with no alarm on its metric.
NO_MFA = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'


def client(name):
    return boto3.client(name, region_name=REGION, config=RETRIES)


def monitoring(ids):
    logs, iam, trail, sns, cloudwatch = client("logs"), client("iam"), client("cloudtrail"), client("sns"), client("cloudwatch")
    group = "/cis/trail"
    logs.create_log_group(logGroupName=group)
    arn = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{group}:*"
    role = iam.create_role(RoleName="trail-to-logs", AssumeRolePolicyDocument=json.dumps(TRUST_LOGS))["Role"]["Arn"]
    trail.update_trail(Name="main-trail", CloudWatchLogsLogGroupArn=arn, CloudWatchLogsRoleArn=role)
    topic = sns.create_topic(Name="security-alerts")["TopicArn"]
    ids["topic_alerts"] = topic
    ids["subscription_https"] = sns.subscribe(
        TopicArn=topic, Protocol="https", Endpoint="https://alerts.example.com/hook", ReturnSubscriptionArn=True,
    )["SubscriptionArn"]
    quiet = sns.create_topic(Name="plain-http-alerts")["TopicArn"]
    ids["subscription_http"] = sns.subscribe(
        TopicArn=quiet, Protocol="http", Endpoint="http://alerts.example.com/hook", ReturnSubscriptionArn=True,
    )["SubscriptionArn"]
    for name, pattern, alarmed in (
        ("unauthorized-api-calls", UNAUTHORIZED, True), ("root-usage", ROOT_USAGE, True), ("console-no-mfa", NO_MFA, False),
    ):
        metric = name.title().replace("-", "")
        logs.put_metric_filter(
            logGroupName=group, filterName=name, filterPattern=pattern,
            metricTransformations=[{"metricName": metric, "metricNamespace": "CISBenchmark", "metricValue": "1"}])
        if alarmed:
            cloudwatch.put_metric_alarm(
                AlarmName=f"cis-{name}", MetricName=metric, Namespace="CISBenchmark", Statistic="Sum", Period=300,
                EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold",
                AlarmActions=[topic])


def identities(ids):
    iam = client("iam")
    iam.create_user(UserName="console-no-mfa")
    iam.create_login_profile(UserName="console-no-mfa", Password="Initial-Passw0rd!")
    iam.create_user(UserName="console-mfa")
    iam.create_login_profile(UserName="console-mfa", Password="Initial-Passw0rd!")
    serial = iam.create_virtual_mfa_device(VirtualMFADeviceName="console-mfa")["VirtualMFADevice"]["SerialNumber"]
    iam.enable_mfa_device(UserName="console-mfa", SerialNumber=serial, AuthenticationCode1="123456",
                          AuthenticationCode2="654321")
    iam.create_user(UserName="two-keys")
    ids["two_keys"] = ",".join(iam.create_access_key(UserName="two-keys")["AccessKey"]["AccessKeyId"] for _ in range(2))


def policies(ids):
    iam = client("iam")
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"}]}
    iam.create_role(RoleName="key-admins", AssumeRolePolicyDocument=json.dumps(trust))
    for name, statement in (
        ("kms-everything", {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}),
        ("assume-deployer", {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::{ACCOUNT}:role/deployer"}),
    ):
        arn = iam.create_policy(PolicyName=name, PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [statement]}))["Policy"]["Arn"]
        iam.attach_role_policy(RoleName="key-admins", PolicyArn=arn)
        ids["policy_" + name] = arn
    pinned = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}}}]}
    iam.create_role(RoleName="pinned-service", AssumeRolePolicyDocument=json.dumps(pinned))
    # A hardware token's serial is not an MFA ARN, and no virtual device is assigned to the user.
    iam.create_user(UserName="hardware-mfa")
    iam.enable_mfa_device(UserName="hardware-mfa", SerialNumber="GAHT12345678", AuthenticationCode1="123456",
                          AuthenticationCode2="654321")
    iam.create_user(UserName="console-with-key")
    iam.create_login_profile(UserName="console-with-key", Password="Initial-Passw0rd!")
    ids["initial_key"] = iam.create_access_key(UserName="console-with-key")["AccessKey"]["AccessKeyId"]


def logging_and_secrets(ids):
    client("cloudtrail").put_insight_selectors(
        TrailName="main-trail", InsightSelectors=[{"InsightType": "ApiCallRateInsight"}])
    secrets = client("secretsmanager")
    ids["secret_rotated"] = secrets.create_secret(Name="rotated-secret", SecretString="x")["ARN"]
    secrets.rotate_secret(SecretId="rotated-secret", RotationRules={"AutomaticallyAfterDays": 30})
    ids["secret_unrotated"] = secrets.create_secret(Name="unrotated-secret", SecretString="x")["ARN"]


def main():
    ids = {}
    monitoring(ids)
    identities(ids)
    policies(ids)
    logging_and_secrets(ids)
    client("securityhub").enable_security_hub(EnableDefaultStandards=False)
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
