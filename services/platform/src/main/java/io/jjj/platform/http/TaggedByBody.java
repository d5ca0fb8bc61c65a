package io.jjj.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer is not computed from this service's database as it stands when the request arrives: an
 * in-memory model rebuilt after commits (it may lag a commit the data version already shows), or another service's
 * data. {@link ConditionalReads} tags it with a hash of the body it sends instead of the data version, so its
 * {@code 304} saves the transfer but not the work.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TaggedByBody {
}
