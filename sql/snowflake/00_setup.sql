-- One-time account setup for Variant Connect on Snowflake: a role and a service user for the sink
-- connector, a warehouse, the database and schema the topics land in, and the grants the connector
-- needs. Run it as a user that can assume SECURITYADMIN and SYSADMIN (e.g. an ACCOUNTADMIN), in a
-- worksheet or with snowsql -f. Idempotent: objects are created only if missing, grants repeat
-- harmlessly. Change the names here, nowhere else; sql/README.md lists them.

SET VC_ROLE = 'VARIANT_CONNECT_ROLE';     -- the sink connector's role
SET VC_USER = 'VARIANT_CONNECT_USER';     -- the sink connector's user (snowflake.user.name)
SET VC_WAREHOUSE = 'VARIANT_CONNECT_WH';  -- runs the dynamic tables and the JDBC target's inserts
SET VC_DATABASE = 'VARIANT_CONNECT';      -- snowflake.database.name
SET VC_SCHEMA = 'VARIANT_CONNECT.RAW';    -- database.schema; snowflake.schema.name = RAW
SET VC_OWNER_ROLE = 'SYSADMIN';           -- owns the warehouse, database, schema and analytics objects

-- Identities: a role for the connector, granted upwards so the owner role inherits whatever the
-- connector creates (the sink creates missing raw tables), and a service user that can only log in
-- with a key pair.
USE ROLE SECURITYADMIN;

CREATE ROLE IF NOT EXISTS IDENTIFIER($VC_ROLE)
  COMMENT = 'Variant Connect sink connector';

GRANT ROLE IDENTIFIER($VC_ROLE) TO ROLE IDENTIFIER($VC_OWNER_ROLE);

CREATE USER IF NOT EXISTS IDENTIFIER($VC_USER)
  TYPE = SERVICE
  DEFAULT_ROLE = $VC_ROLE
  DEFAULT_WAREHOUSE = $VC_WAREHOUSE
  DEFAULT_NAMESPACE = $VC_SCHEMA
  COMMENT = 'Variant Connect sink connector';

GRANT ROLE IDENTIFIER($VC_ROLE) TO USER IDENTIFIER($VC_USER);

-- Key-pair authentication: the connector signs in with the private key in snowflake.private.key.
-- Generate the pair (openssl genrsa 2048 | openssl pkcs8 -topk8 -nocrypt -out rsa_key.p8;
-- openssl rsa -in rsa_key.p8 -pubout -out rsa_key.pub), then register the public key's base64
-- body, without the BEGIN/END lines, by running:
--   ALTER USER IDENTIFIER($VC_USER) SET RSA_PUBLIC_KEY = 'MIIBIjANBgkqh...';
-- It is not run here because the key is yours to generate; RSA_PUBLIC_KEY_2 allows rotation.

-- Compute and storage, owned by the owner role.
USE ROLE IDENTIFIER($VC_OWNER_ROLE);

CREATE WAREHOUSE IF NOT EXISTS IDENTIFIER($VC_WAREHOUSE)
  WAREHOUSE_SIZE = XSMALL
  AUTO_SUSPEND = 60
  AUTO_RESUME = TRUE
  INITIALLY_SUSPENDED = TRUE
  COMMENT = 'Variant Connect: dynamic table refreshes and JDBC inserts';

CREATE DATABASE IF NOT EXISTS IDENTIFIER($VC_DATABASE);

CREATE SCHEMA IF NOT EXISTS IDENTIFIER($VC_SCHEMA);

-- What the connector needs: a warehouse for the JDBC target (Snowpipe Streaming needs none),
-- the right to find the schema and to create the raw tables and its offsets table in it. CREATE
-- TABLE is needed only for tables an administrator did not create: with the raw tables of
-- 10_ats.sql / 20_clickstream.sql in place (and, for JDBC, the offsets table made as the sink's README
-- shows), leave it out.
GRANT USAGE ON WAREHOUSE IDENTIFIER($VC_WAREHOUSE) TO ROLE IDENTIFIER($VC_ROLE);

GRANT USAGE ON DATABASE IDENTIFIER($VC_DATABASE) TO ROLE IDENTIFIER($VC_ROLE);

GRANT USAGE ON SCHEMA IDENTIFIER($VC_SCHEMA) TO ROLE IDENTIFIER($VC_ROLE);

GRANT CREATE TABLE ON SCHEMA IDENTIFIER($VC_SCHEMA) TO ROLE IDENTIFIER($VC_ROLE);

-- Raw tables created by 10_ats.sql / 20_clickstream.sql belong to the owner role; the connector
-- must still insert into them (and read them back, to check their columns).
USE ROLE SECURITYADMIN;

GRANT INSERT, SELECT ON FUTURE TABLES IN SCHEMA IDENTIFIER($VC_SCHEMA) TO ROLE IDENTIFIER($VC_ROLE);

GRANT INSERT, SELECT ON ALL TABLES IN SCHEMA IDENTIFIER($VC_SCHEMA) TO ROLE IDENTIFIER($VC_ROLE);

-- Leave the session where the next scripts expect it: owner role, warehouse, schema.
USE ROLE IDENTIFIER($VC_OWNER_ROLE);

USE WAREHOUSE IDENTIFIER($VC_WAREHOUSE);

USE SCHEMA IDENTIFIER($VC_SCHEMA);
