"""Apache Spark for corpora beyond one machine (the optional ``polemos[spark]`` extra).

``spark_ingest`` codes documents on a Spark cluster and writes Parquet datasets with the
store's ids and schema; ``polemos.store.bulk.load_datasets`` adds them to a store.
"""
