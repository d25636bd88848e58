"""Seeds a moto server (AWS_ENDPOINT_URL) with tagged and untagged SNS topics, SQS queues and DynamoDB tables, whose
discovery reads no tags itself, and prints their ARNs as JSON on the last line. Written for Bulwark."""
import json

import boto3

sns = boto3.client("sns")
sqs = boto3.client("sqs")
ddb = boto3.client("dynamodb")
tagged_topic = sns.create_topic(Name="tagged-topic", Tags=[{"Key": "Team", "Value": "web"}])["TopicArn"]
plain_topic = sns.create_topic(Name="plain-topic")["TopicArn"]
queue_url = sqs.create_queue(QueueName="tagged-queue", tags={"Team": "ops"})["QueueUrl"]
queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
table_arn = ddb.create_table(
    TableName="tagged-table",
    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    BillingMode="PAY_PER_REQUEST",
    Tags=[{"Key": "Team", "Value": "data"}, {"Key": "Tier", "Value": "gold"}],
)["TableDescription"]["TableArn"]
print(json.dumps({"tagged_topic": tagged_topic, "plain_topic": plain_topic, "queue": queue_arn, "table": table_arn}))
